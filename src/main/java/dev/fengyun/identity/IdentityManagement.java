package dev.fengyun.identity;

import dev.fengyun.identity.internal.Accounts;
import dev.fengyun.identity.internal.Accounts.AccountRow;
import dev.fengyun.identity.internal.ApiTokens;
import dev.fengyun.identity.internal.Memberships;
import dev.fengyun.identity.internal.Organizers;
import dev.fengyun.identity.internal.Passwords;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.Digests;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.RandomCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's entry point: registration, sign-in checks, API tokens, organizers and their
 * teams.
 */
@Service
public class IdentityManagement {

    /** API tokens start with this prefix so they are recognisable in logs and secret scanners. */
    public static final String TOKEN_PREFIX = "fyk_";

    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$");

    private final Accounts accounts;
    private final Organizers organizers;
    private final Memberships memberships;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final Clock clock;

    IdentityManagement(
            Accounts accounts,
            Organizers organizers,
            Memberships memberships,
            ApiTokens tokens,
            Passwords passwords,
            Clock clock) {
        this.accounts = accounts;
        this.organizers = organizers;
        this.memberships = memberships;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Creates a buyer account.
     *
     * @throws EmailAlreadyRegistered when the e-mail (case-insensitively) has an account
     */
    @Transactional
    public CurrentAccount register(String email, String password, String displayName) {
        return createAccount(email, password, displayName, false);
    }

    /** Creates an account with platform-admin rights; used by the start-up bootstrap. */
    @Transactional
    public CurrentAccount registerPlatformAdmin(String email, String password, String displayName) {
        return createAccount(email, password, displayName, true);
    }

    /** The account for this e-mail and password, or empty. Takes equally long either way. */
    public Optional<CurrentAccount> authenticate(String email, String password) {
        Optional<AccountRow> account = accounts.findByEmail(normalizeEmail(email));
        boolean matches =
                passwords.matches(password, account.map(AccountRow::passwordHash).orElse(null));
        return matches ? account.map(AccountRow::toCurrentAccount) : Optional.empty();
    }

    /**
     * Issues an API token after checking the password.
     *
     * @throws BadCredentials when e-mail and password do not match
     */
    @Transactional
    public IssuedToken issueToken(String email, String password, String name, Duration lifetime) {
        CurrentAccount account = authenticate(email, password).orElseThrow(BadCredentials::new);
        String token = TOKEN_PREFIX + RandomCodes.token(32);
        String id = RandomCodes.code(12);
        Instant expiresAt = clock.instant().plus(lifetime);
        tokens.insert(
                id,
                account.id(),
                Digests.sha256(token),
                name == null || name.isBlank() ? "API token" : name,
                expiresAt);
        return new IssuedToken(id, token, expiresAt);
    }

    /** The account a live (unrevoked, unexpired) token belongs to. */
    public Optional<CurrentAccount> accountForToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return tokens.ownerOfLiveToken(Digests.sha256(token))
                .map(
                        owner -> {
                            tokens.touch(owner.tokenId());
                            return owner.account().toCurrentAccount();
                        });
    }

    public List<ApiTokenInfo> tokens(CurrentAccount account) {
        return tokens.ofAccount(account.id());
    }

    /**
     * Revokes one of the account's tokens; revoking twice is harmless.
     *
     * @throws NotFound when the account has no token with that id
     */
    @Transactional
    public void revokeToken(CurrentAccount account, String tokenId) {
        if (!tokens.revoke(account.id(), tokenId) && !tokens.exists(account.id(), tokenId)) {
            throw new NotFound("TOKEN_NOT_FOUND", "You have no API token with id " + tokenId + ".");
        }
    }

    public Optional<CurrentAccount> account(long id) {
        return accounts.findById(id).map(AccountRow::toCurrentAccount);
    }

    public Optional<CurrentAccount> accountByEmail(String email) {
        return accounts.findByEmail(normalizeEmail(email)).map(AccountRow::toCurrentAccount);
    }

    public boolean anyPlatformAdmin() {
        return accounts.anyPlatformAdmin();
    }

    /** Organizers the account belongs to; a platform admin is treated as owner of all of them. */
    public List<Membership> memberships(CurrentAccount account) {
        if (account.platformAdmin()) {
            return organizers.all().stream()
                    .map(o -> new Membership(o, OrganizerRole.OWNER))
                    .toList();
        }
        return organizers.ofAccount(account.id());
    }

    /**
     * Creates an organizer, optionally with a first owner.
     *
     * @throws InvalidInput when the slug is not 3–40 lower-case letters, digits and dashes
     * @throws Conflict ({@code ORGANIZER_EXISTS}) when the slug is taken
     * @throws NotFound ({@code ACCOUNT_NOT_FOUND}) when the owner has no account
     */
    @Transactional
    public Organizer createOrganizer(String slug, String name, String ownerEmail) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInput(
                    "id",
                    "Pattern",
                    "must be 3–40 lower-case letters, digits or dashes, starting and ending with a letter or digit");
        }
        Organizer organizer =
                organizers
                        .insert(slug, name.trim())
                        .orElseThrow(
                                () ->
                                        new Conflict(
                                                "ORGANIZER_EXISTS",
                                                "An organizer with id '" + slug + "' exists."));
        if (ownerEmail != null && !ownerEmail.isBlank()) {
            putMember(organizer.id(), ownerEmail, OrganizerRole.OWNER);
        }
        return organizer;
    }

    public Optional<Organizer> organizer(String slug) {
        return organizers.findBySlug(slug);
    }

    public Optional<Organizer> organizer(long id) {
        return organizers.findById(id);
    }

    /** The account's effective role on the organizer: its membership, or OWNER for admins. */
    public Optional<OrganizerRole> roleOf(CurrentAccount account, Organizer organizer) {
        if (account.platformAdmin()) {
            return Optional.of(OrganizerRole.OWNER);
        }
        return memberships.roleOf(organizer.id(), account.id());
    }

    public List<OrganizerMember> members(long organizerId) {
        return memberships.members(organizerId);
    }

    /**
     * Adds a registered account to the team, or changes its role if it is a member already.
     *
     * @throws NotFound ({@code ACCOUNT_NOT_FOUND}) when nobody registered with that e-mail
     * @throws Conflict ({@code LAST_OWNER}) when this would leave the organizer without an owner
     */
    @Transactional
    public OrganizerMember putMember(long organizerId, String email, OrganizerRole role) {
        CurrentAccount account =
                accountByEmail(email)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "ACCOUNT_NOT_FOUND",
                                                "Nobody has registered with "
                                                        + email
                                                        + " yet; ask them to sign up first."));
        return setRole(organizerId, account.id(), role);
    }

    /**
     * Changes a member's role.
     *
     * @throws NotFound ({@code MEMBER_NOT_FOUND}) when the account is not a member
     * @throws Conflict ({@code LAST_OWNER}) when this would leave the organizer without an owner
     */
    @Transactional
    public OrganizerMember changeRole(long organizerId, long accountId, OrganizerRole role) {
        if (memberships.roleOf(organizerId, accountId).isEmpty()) {
            throw memberNotFound();
        }
        return setRole(organizerId, accountId, role);
    }

    private OrganizerMember setRole(long organizerId, long accountId, OrganizerRole role) {
        if (role != OrganizerRole.OWNER) {
            ensureAnotherOwner(organizerId, accountId);
        }
        memberships.put(organizerId, accountId, role);
        return memberships.members(organizerId).stream()
                .filter(member -> member.accountId() == accountId)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Removes an account from the team.
     *
     * @throws NotFound ({@code MEMBER_NOT_FOUND}) when it is not a member
     * @throws Conflict ({@code LAST_OWNER}) when it is the last owner
     */
    @Transactional
    public void removeMember(long organizerId, long accountId) {
        ensureAnotherOwner(organizerId, accountId);
        if (!memberships.remove(organizerId, accountId)) {
            throw memberNotFound();
        }
    }

    /** Locks the owner rows, so two owners demoting each other at once cannot both succeed. */
    private void ensureAnotherOwner(long organizerId, long accountId) {
        List<Long> owners = memberships.lockOwners(organizerId);
        if (owners.size() == 1 && owners.get(0) == accountId) {
            throw new Conflict(
                    "LAST_OWNER",
                    "An organizer needs at least one owner; add another owner first.");
        }
    }

    private static NotFound memberNotFound() {
        return new NotFound("MEMBER_NOT_FOUND", "That account is not a member of this organizer.");
    }

    private CurrentAccount createAccount(
            String email, String password, String displayName, boolean admin) {
        String normalized = normalizeEmail(email);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput(
                    "password", "Size", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return accounts.insert(normalized, displayName.trim(), passwords.hash(password), admin)
                .map(AccountRow::toCurrentAccount)
                .orElseThrow(() -> new EmailAlreadyRegistered(normalized));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
