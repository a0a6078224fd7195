"""Themes: the System, Light and Dark palettes on the Fusion style, and a WCAG contrast check.

Both palettes are complete (every role, the Disabled group too) and drawn by Fusion, so a theme
looks the same on every platform and under offscreen/Xvfb. "System" picks one of them from the
platform's colour scheme (`QStyleHints.colorScheme()`, Qt 6.5+; light when it says nothing).
Applying a theme sets the palette, then the matching style sheet (the role colours of
`resources/styles`): Qt lets a palette reach widgets under an application style sheet only when
the sheet is set again, and then sends each widget one `PaletteChange`, which widgets that
cache colours (code views, citations, charts) answer by drawing again.

Colours that no palette role names (JSON syntax, the score bar) live here, per theme, and are
chosen by the palette a widget draws with, so a widget never asks which theme is on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from workbench.ui import resources
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP
from workbench.ui.common.roles import role_background, role_colour

if TYPE_CHECKING:
    from collections.abc import Mapping

    from workbench.core.svg_chart import ChartColours

SYSTEM, LIGHT, DARK = "system", "light", "dark"
CHOICES: tuple[tuple[str, str], ...] = (
    (SYSTEM, QT_TRANSLATE_NOOP("Theme", "&System")),
    (LIGHT, QT_TRANSLATE_NOOP("Theme", "&Light")),
    (DARK, QT_TRANSLATE_NOOP("Theme", "&Dark")),
)
"""The View > Theme choices in menu order: settings value and (untranslated) label, "&" before
the menu's letter."""

TEXT_MINIMUM = 4.5
"""WCAG 2.x 1.4.3 (AA): the least contrast of text against its background."""
STATE_MINIMUM = 3.0
"""The least contrast between a control's enabled and disabled text colours. WCAG exempts
disabled controls and sets no figure for telling the two states apart; 3:1 is its figure for
telling two states or colours apart without reading them (1.4.11 non-text contrast, and G183 for
links told from the text around them by colour alone). Both states also stay legible (4.5:1)."""

_CHOICE_PROPERTY = "workbenchTheme"
"""Application property: the choice last applied (System follows the platform's changes)."""

_R = QPalette.ColorRole
_ACTIVE: Mapping[str, Mapping[QPalette.ColorRole, str]] = {
    LIGHT: {
        _R.Window: "#efefef",
        _R.WindowText: "#000000",
        _R.Base: "#ffffff",
        _R.AlternateBase: "#f5f5f5",
        _R.Text: "#000000",
        _R.Button: "#efefef",
        _R.ButtonText: "#000000",
        # Fusion's #308cc6 gives white text 3.7:1; this blue gives it 5.9:1.
        _R.Highlight: "#2a6cb0",
        _R.HighlightedText: "#ffffff",
        _R.ToolTipBase: "#ffffdc",
        _R.ToolTipText: "#000000",
        _R.PlaceholderText: "#5f6368",
        _R.Link: "#0b57d0",
        _R.LinkVisited: "#7b1fa2",
        _R.BrightText: "#ffffff",
    },
    DARK: {
        _R.Window: "#1f2124",
        _R.WindowText: "#f0f0f0",
        # Lighter than the window, so fields and check boxes (drawn by Fusion as a Base square in
        # a darker outline) stand out from it, as they do in the light theme.
        _R.Base: "#2a2c30",
        _R.AlternateBase: "#33363b",
        _R.Text: "#f0f0f0",
        _R.Button: "#2e3136",
        _R.ButtonText: "#f0f0f0",
        _R.Highlight: "#3d7a65",
        _R.HighlightedText: "#ffffff",
        _R.ToolTipBase: "#2e3136",
        _R.ToolTipText: "#f0f0f0",
        _R.PlaceholderText: "#a0a4ab",
        _R.Link: "#8cc7b0",
        _R.LinkVisited: "#c3a6e0",
        _R.BrightText: "#ffffff",
    },
}
"""Each theme's colours for the Active and Inactive groups."""

_DISABLED: Mapping[str, Mapping[QPalette.ColorRole, str]] = {
    # Text legible (>= 4.5:1 on the face as Fusion draws it) yet 3:1 from the enabled text; the
    # face drops to the window's (or darker), so a disabled button also loses its raised look.
    LIGHT: {
        _R.WindowText: "#666666",
        _R.Text: "#666666",
        _R.ButtonText: "#666666",
        _R.Button: "#efefef",
        _R.Base: "#efefef",
        _R.Highlight: "#8a8a8a",
        _R.HighlightedText: "#ffffff",
        _R.PlaceholderText: "#666666",
    },
    DARK: {
        _R.WindowText: "#87898d",
        _R.Text: "#87898d",
        _R.ButtonText: "#87898d",
        _R.Button: "#141517",  # Fusion lightens a face: this one is drawn about #1c1d1f
        _R.Base: "#1f2124",
        _R.Highlight: "#3a3d42",
        _R.HighlightedText: "#c8c8c8",
        _R.PlaceholderText: "#87898d",
    },
}
"""What changes in the Disabled group (Qt's own derivation kept disabled text as bright)."""

_CODE: Mapping[str, Mapping[str, str]] = {
    LIGHT: {
        "key": "#0451a5",
        "string": "#a31515",
        "number": "#07734b",
        "keyword": "#0000ff",
        "punct": "#555555",
    },
    DARK: {
        "key": "#9cdcfe",
        "string": "#ce9178",
        "number": "#b5cea8",
        "keyword": "#79b8ff",
        "punct": "#d4d4d4",
    },
}
"""JSON syntax colours on the Base role, each at least 4.5:1 against it."""

_SCORE_BAR = {LIGHT: "#2a6cb0", DARK: "#4fb38f"}
"""The score bar's fill, at least 3:1 against Base (a graphic, WCAG 1.4.11)."""

_OUTLINE = {LIGHT: "#7a7a7a", DARK: "#8b8e94"}
"""The edge of fields, check boxes, spin boxes and combo boxes: 3.7:1 and 4.9:1 against the
window (WCAG 1.4.11). The style sheets outline line edits and text areas in the same colours."""

_OUTLINED_CLASSES = ("QCheckBox", "QAbstractSpinBox", "QComboBox", "QListWidget")
"""Widgets whose edge Fusion draws in the window colour darkened (see `_outlined`)."""

_SERIES = {
    LIGHT: ("#1f63a8", "#c42b1c", "#256b29", "#7b1fa2"),
    DARK: ("#6cb4ee", "#ff8a80", "#81c784", "#c3a6e0"),
}
"""Line colours of SVG charts, at least 3:1 against the window."""


def choice_label(choice: str) -> str:
    """The menu label of a theme choice, in the current language."""
    return QCoreApplication.translate("Theme", dict(CHOICES).get(choice, choice))


def resolve(choice: str, scheme: Qt.ColorScheme | None = None) -> str:
    """LIGHT or DARK for a choice; System (or an unknown value) follows `scheme`, by default the
    platform's, and is light when the platform says nothing."""
    if choice in (LIGHT, DARK):
        return choice
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def palette(name: str) -> QPalette:
    """The complete palette of LIGHT or DARK."""
    colours = _ACTIVE[name]
    built = QPalette(QColor(colours[_R.Button]), QColor(colours[_R.Window]))  # 3D shades
    for role, colour in colours.items():
        built.setColor(role, QColor(colour))  # every group
    for role, colour in _DISABLED[name].items():
        built.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return built


def is_dark(colours: QPalette) -> bool:
    """Whether a palette is a dark one (its window darker than mid-grey)."""
    return colours.color(_R.Window).lightness() < 128


def code_colours(colours: QPalette) -> dict[str, QColor]:
    """JSON syntax colours (key, string, number, keyword, punct) for text on this palette."""
    return {kind: QColor(c) for kind, c in _CODE[DARK if is_dark(colours) else LIGHT].items()}


def score_bar_colour(colours: QPalette) -> QColor:
    """The score bar's fill for a view drawn with this palette."""
    return QColor(_SCORE_BAR[DARK if is_dark(colours) else LIGHT])


def chart_colours(colours: QPalette) -> ChartColours:
    """The colours of an SVG chart drawn in a view with this palette: its window's background
    and text, and series at least 3:1 against that background."""
    # Imported here: the chart module loads xml.sax, urllib.request and http.client, which the
    # first paint does not need (issue 15: start-up); only the QA pane draws charts.
    from workbench.core.svg_chart import ChartColours

    c = colours.color
    return ChartColours(
        background=c(_R.Window).name(),
        text=c(_R.WindowText).name(),
        axis=c(_R.WindowText).name(),
        grid=c(_R.Mid).name(),
        series=_SERIES[DARK if is_dark(colours) else LIGHT],
    )


def apply_theme(app: QApplication, choice: str, scheme: Qt.ColorScheme | None = None) -> str:
    """Make `choice` the application's theme now: palette, tool tips, style sheet.

    Args:
        app: the application.
        choice: SYSTEM, LIGHT or DARK (anything else is taken as SYSTEM).
        scheme: the platform's scheme, when a change signal brings it; asked when None.

    Returns:
        The theme applied, LIGHT or DARK.
    """
    name = resolve(choice, scheme)
    app.setProperty(_CHOICE_PROPERTY, choice)
    colours = palette(name)
    app.setPalette(colours)  # also drops the class palettes of the theme before
    outlined = _outlined(colours, name)
    for class_name in _OUTLINED_CLASSES:
        app.setPalette(outlined, class_name)  # type: ignore[arg-type]  # stubs say bytes; str runs
    QToolTip.setPalette(colours)
    app.setStyleSheet(resources.stylesheet(name == DARK))  # also makes the palette reach widgets
    return name


def _outlined(colours: QPalette, name: str) -> QPalette:
    """`colours` with a window colour that Fusion darkens into the theme's outline.

    Fusion draws the edge of a check box, a spin box, a combo box and an item view (and an
    item's check box) in the window colour made 1.4 times darker: 1.7:1 against the window in
    the light scheme, 1.15:1 in the dark one, where an unchecked box could hardly be seen. A style sheet would
    replace Fusion's drawing of these controls whole (arrows and check marks as images), so
    they get a window colour of their own instead; none of them fills an area with it. The
    Disabled group keeps the real one: a disabled control's edge stays faint.
    """
    lighter = QColor(_OUTLINE[name]).lighter(140)
    outlined = QPalette(colours)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        outlined.setColor(group, _R.Window, lighter)
    return outlined


def follow_system(scheme: Qt.ColorScheme) -> None:
    """Apply the platform's new scheme when the theme chosen is System (a slot for
    `QStyleHints.colorSchemeChanged`)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property(_CHOICE_PROPERTY) in (None, SYSTEM):
        apply_theme(app, SYSTEM, scheme)


# --- contrast (WCAG 2.x) ------------------------------------------------------------------------


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2.x contrast ratio of two opaque colours, 1 (same) to 21 (black and white)."""
    a, b = relative_luminance(first), relative_luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def text_pairs(colours: QPalette) -> dict[str, tuple[QColor, QColor]]:
    """Every text colour the GUI draws with this palette and its style sheet, with its background.

    The style sheet's roles are read from the application's sheet, so apply the theme first.
    """
    c, g = colours.color, QPalette.ColorGroup.Disabled
    pairs = {
        "text on base": (c(_R.Text), c(_R.Base)),
        "text on alternate base": (c(_R.Text), c(_R.AlternateBase)),  # chat cards, table rows
        "hint on alternate base": (c(_R.PlaceholderText), c(_R.AlternateBase)),  # code gutter
        "window text on window": (c(_R.WindowText), c(_R.Window)),
        "button text on button": (c(_R.ButtonText), c(_R.Button)),
        "highlighted text on highlight": (c(_R.HighlightedText), c(_R.Highlight)),
        "link on base": (c(_R.Link), c(_R.Base)),
        "hint on window": (c(_R.PlaceholderText), c(_R.Window)),
        "placeholder on base": (c(_R.PlaceholderText), c(_R.Base)),
        "tool tip": (c(_R.ToolTipText), c(_R.ToolTipBase)),
        "citation text on citation": (c(_R.Text), role_background("citation")),
        "disabled button text on disabled button": (c(g, _R.ButtonText), c(g, _R.Button)),
        "disabled text on disabled base": (c(g, _R.Text), c(g, _R.Base)),
        "disabled window text on window": (c(g, _R.WindowText), c(g, _R.Window)),
    }
    for role in ("error", "warning", "success"):  # labels on the window, painted text on Base
        pairs[f"{role} on window"] = (role_colour(role), c(_R.Window))
        pairs[f"{role} on base"] = (role_colour(role), c(_R.Base))
    for kind, colour in code_colours(colours).items():
        pairs[f"code {kind} on base"] = (colour, c(_R.Base))
    return pairs


def state_pairs(colours: QPalette) -> dict[str, tuple[QColor, QColor]]:
    """Each control's enabled text colour with its disabled one (told apart at STATE_MINIMUM)."""
    active, disabled = QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled
    return {
        f"{role.name} enabled vs disabled": (
            colours.color(active, role),
            colours.color(disabled, role),
        )
        for role in (_R.ButtonText, _R.Text, _R.WindowText)
    }


def contrast_figures(colours: QPalette) -> dict[str, float]:
    """The contrast ratio of every pair in `text_pairs` and `state_pairs`, by name."""
    pairs = {**text_pairs(colours), **state_pairs(colours)}
    return {name: contrast_ratio(fg, bg) for name, (fg, bg) in pairs.items()}
