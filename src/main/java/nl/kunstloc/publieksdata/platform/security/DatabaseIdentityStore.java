package nl.kunstloc.publieksdata.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** Validates sign-ins against the users in the database; the user's roles become their groups. */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    UserAccounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (accounts.checkLogin(login.getCaller(), login.getPasswordAsString()) != UserAccounts.LoginOutcome.OK) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        UserAccount account = accounts.find(login.getCaller()).orElseThrow();
        var groups = EnumSet.copyOf(account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : account.getRoles())
                .stream().map(Role::name).collect(Collectors.toSet());
        return new CredentialValidationResult(account.getUsername(), groups);
    }
}
