package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;

/** What an authorization code stands for, and what the token request must repeat to redeem it. */
public record CodeGrant(
    ClientID clientId,
    URI redirectUri,
    CodeChallenge codeChallenge,
    Nonce nonce,
    Scope scope,
    Authentication authentication,
    String sessionId) {}
