package nl.kunstloc.publieksdata.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The users who can sign in: lookup, passwords (PBKDF2), throttling of failed sign-ins, roles. */
@Stateless
public class UserAccounts {

    /** At least 8 characters, not all of one kind: enough for a pilot portal without making people write them down. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    @Inject
    UnknownAccountThrottle unknownAccounts;

    @Inject
    @ConfigProperty(name = "publieksdata.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "publieksdata.login.lock-minutes", defaultValue = "5")
    int lockMinutes;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "120000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        dummyHash = passwordHash.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    // a hash of a random password, only to make unknown-user checks take as long as real ones
    private String dummyHash;

    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("UserAccount.byUsername", UserAccount.class)
                .setParameter("username", username.trim().toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst();
    }

    public Optional<UserAccount> findById(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(UserAccount.class, id));
    }

    public boolean exists(String email) {
        return find(email).isPresent();
    }

    /** Creates an account; the password may be null for people who set it through an invitation link. */
    public UserAccount create(String email, String displayName, Long institutionId, Set<Role> roles, String password) {
        if (exists(email)) {
            throw new DuplicateUserException(email);
        }
        UserAccount account = new UserAccount(email, displayName, institutionId, roles, clock.instant());
        if (password != null) {
            account.setPasswordHash(hash(password));
        }
        em.persist(account);
        return account;
    }

    public void changePassword(UserAccount account, String newPassword) {
        UserAccount managed = em.merge(account);
        managed.setPasswordHash(hash(newPassword));
    }

    public static void checkPasswordStrength(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.chars().allMatch(Character::isLetter) || password.chars().allMatch(Character::isDigit)) {
            throw new WeakPasswordException();
        }
    }

    private String hash(String password) {
        checkPasswordStrength(password);
        return passwordHash.generate(password.toCharArray());
    }

    /**
     * Checks a sign-in attempt in a transaction of its own, so a failure is counted even though the
     * sign-in itself is refused.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginOutcome checkLogin(String username, String password) {
        Optional<UserAccount> found = find(username);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().getPasswordHash() == null) {
            // spend the same time as a real check, and lock as a real account would, so neither response
            // times nor "locked" reveal which accounts exist
            passwordHash.verify(password.toCharArray(), dummyHash);
            if (unknownAccounts.lockedUntil(username, now).isPresent()) {
                return LoginOutcome.LOCKED;
            }
            return unknownAccounts.recordFailure(username, now, maxFailures, Duration.ofMinutes(lockMinutes))
                    ? LoginOutcome.LOCKED : LoginOutcome.INVALID;
        }
        UserAccount account = found.get();
        if (account.isLocked(now)) {
            return LoginOutcome.LOCKED;
        }
        if (!passwordHash.verify(password.toCharArray(), account.getPasswordHash())) {
            return bookkeeping().recordFailure(account.getId(), now) ? LoginOutcome.LOCKED : LoginOutcome.INVALID;
        }
        if (!account.isEnabled()) {
            return LoginOutcome.DISABLED;
        }
        return bookkeeping().recordSuccess(account.getId(), now) ? LoginOutcome.OK : LoginOutcome.LOCKED;
    }

    private SignInBookkeeping bookkeeping() {
        return new SignInBookkeeping((sql, parameters) -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }, maxFailures, Duration.ofMinutes(lockMinutes));
    }

    /**
     * Confirms a person who is signed in already, e.g. when they sign an agreement. A wrong password
     * here is not a failed sign-in: it does not count towards locking the account, so a typo on the
     * signing page cannot lock a director out.
     */
    public boolean passwordMatches(String username, String password) {
        Optional<UserAccount> found = find(username);
        if (password == null || password.isEmpty() || found.isEmpty() || found.get().getPasswordHash() == null
                || !found.get().isEnabled()) {
            return false;
        }
        return passwordHash.verify(password.toCharArray(), found.get().getPasswordHash());
    }

    /** Minutes until a locked account may try again (at least 1), or 0 when not locked. */
    public long minutesLocked(String username) {
        Instant now = clock.instant();
        return find(username).filter(u -> u.isLocked(now)).map(UserAccount::getLockedUntil)
                .or(() -> unknownAccounts.lockedUntil(username, now))
                .map(until -> Math.max(1, Duration.between(now, until).toMinutes() + 1))
                .orElse(0L);
    }

    public List<UserAccount> search(String text, Role role, int first, int max, String sortField, boolean ascending) {
        String order = switch (sortField == null ? "" : sortField) {
            case "displayName" -> "u.displayName";
            case "createdAt" -> "u.createdAt";
            case "lastLoginAt" -> "u.lastLoginAt";
            default -> "u.username";
        };
        var query = em.createQuery("select u from UserAccount u where " + searchClause(role)
                + " order by " + order + (ascending ? " asc" : " desc"), UserAccount.class)
                .setParameter("text", like(text));
        if (role != null) {
            query.setParameter("role", role);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(String text, Role role) {
        var query = em.createQuery("select count(u) from UserAccount u where " + searchClause(role), Long.class)
                .setParameter("text", like(text));
        if (role != null) {
            query.setParameter("role", role);
        }
        return query.getSingleResult();
    }

    private static String searchClause(Role role) {
        return "(lower(u.username) like :text or lower(u.displayName) like :text)"
                + (role == null ? "" : " and :role member of u.roles");
    }

    private static String like(String text) {
        return "%" + (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
    }

    public List<UserAccount> ofInstitution(Long institutionId) {
        return em.createQuery("select u from UserAccount u where u.institutionId = :id order by u.displayName", UserAccount.class)
                .setParameter("id", institutionId).getResultList();
    }

    public List<UserAccount> withRole(Role role) {
        return em.createQuery("select u from UserAccount u where :role member of u.roles and u.enabled = true order by u.username",
                UserAccount.class).setParameter("role", role).getResultList();
    }

    public UserAccount update(UserAccount account) {
        return em.merge(account);
    }

    public enum LoginOutcome { OK, INVALID, LOCKED, DISABLED }
}
