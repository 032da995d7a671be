package io.omnidecide.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Turns a presented key into the caller's identity: its name as principal, its roles, its rate limit. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    /** Attribute of the identity holding the {@link Caller}. */
    static final String CALLER = "omnidecide.caller";

    private final ApiKeyService keys;

    public ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * A key read in the last few seconds is checked here, on the event loop (a hash and a
     * constant-time comparison); only a key that must be read from the database goes to a worker.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        KeyCache.Check check = keys.check(request.getToken().getToken());
        if (check.needsRead()) {
            return context.runBlocking(() -> identity(check, true));
        }
        return Uni.createFrom().item(() -> identity(check, false));
    }

    private SecurityIdentity identity(KeyCache.Check check, boolean onWorker) {
        Caller caller = check.caller()
                // One answer for unknown, malformed and revoked keys: which of them it was is nobody's business.
                .orElseThrow(() -> new AuthenticationFailedException("the API key is not valid"));
        if (check.recordsUse()) {
            if (onWorker) {
                keys.recordUse(caller.keyName(), check.at());
            } else {
                Infrastructure.getDefaultWorkerPool().execute(() -> recordUse(caller, check));
            }
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.keyName()))
                .addRoles(caller.roles())
                .addAttribute(CALLER, caller)
                .build();
    }

    private void recordUse(Caller caller, KeyCache.Check check) {
        try {
            keys.recordUse(caller.keyName(), check.at());
        } catch (RuntimeException e) {
            // The last use is informative only; the request it came from was served.
            LOG.warnf("Could not record the last use of key %s: %s", caller.keyName(), e.getMessage());
        }
    }
}
