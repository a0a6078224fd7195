"""Sign-in failures in words: what the Azure CLI's and azure-identity's messages mean, and what to do.

The AADSTS codes are Microsoft Entra ID's own error codes; the ones matched here are those a
person meets when signing in to a resource: 50020/50034/90002/700016 (account or app not in this
tenant), 500011 (the scope names no resource there), 50076/50079/50078 and `interaction_required`
(a new sign-in is needed), 65001 (consent missing).
"""

from __future__ import annotations

from workbench.api.text import english

NOT_SIGNED_IN = english(
    "Not signed in: run `az login` (with `--tenant <tenant id>` for another directory), or sign in "
    "the way your token command expects, then try again."
)
WRONG_TENANT = english(
    "Wrong tenant: your account is not in the directory that owns this resource. Sign in to that "
    "tenant (`az login --tenant <tenant id>`) and try again."
)
WRONG_SCOPE = english(
    "Wrong scope: no resource in your tenant answers to it. Azure AI Foundry takes "
    "https://ai.azure.com/.default; Azure OpenAI also https://cognitiveservices.azure.com/.default."
)
SIGN_IN_AGAIN = english(
    "Your sign-in needs renewing (multi-factor or a conditional-access policy): run `az login` "
    "again, then try again."
)
NO_CONSENT = english("Your organisation has not consented to this sign-in: ask an administrator.")
NO_ACCESS = english(
    "Signed in, but this identity has no access to the resource: ask for a data-plane role on it "
    "(Azure AI User, or Cognitive Services User), which can take a few minutes to apply."
)
TOKEN_REFUSED = english(
    "The server refused the Entra ID token even after a fresh one: the token is for another "
    "tenant or another audience (check the scope), or key-only authentication is set up here."
)
OTHER = english("The sign-in failed; the credential's own message follows.")

_RULES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("aadsts50020", "aadsts50034", "aadsts90002", "aadsts700016", "aadsts50128"), "wrong-tenant",
     WRONG_TENANT),
    (("aadsts500011", "invalid_resource", "aadsts70011"), "wrong-scope", WRONG_SCOPE),
    (("aadsts50076", "aadsts50079", "aadsts50078", "aadsts700082", "interaction_required"),
     "sign-in-again", SIGN_IN_AGAIN),
    (("aadsts65001", "consent_required"), "no-consent", NO_CONSENT),
    (("az login", "not logged in", "no accounts were found", "please run 'az login'",
      "credentialunavailable", "failed to retrieve a token from the included credentials",
      "not signed in"), "not-signed-in", NOT_SIGNED_IN),
    (("tenant",), "wrong-tenant", WRONG_TENANT),
)  # fmt: skip


def classify(message: str) -> tuple[str, str]:
    """The reason code and the explanation for a credential's error message.

    Args:
        message: what the Azure CLI printed on stderr, or an azure-identity exception's text.

    Returns:
        `(reason, explanation)`: reason is one of not-signed-in, wrong-tenant, wrong-scope,
        sign-in-again, no-consent, or failed when nothing matched.
    """
    text = message.lower()
    for needles, reason, explanation in _RULES:
        if any(n in text for n in needles):
            return reason, explanation
    return "failed", OTHER
