package dev.fengyun.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds realistic data through the public API, as a user would. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    /** A unique lower-case suffix for slugs and e-mails. */
    public static String unique() {
        return RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public String adminToken() {
        return token(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    }

    /** Registers an account and returns an API token for it. */
    public Account account(String namePrefix) {
        String email = namePrefix + "-" + unique() + "@example.com";
        String password = "password-" + unique();
        Api.Response registered =
                api.post(
                        "/api/v1/auth/register",
                        Map.of("email", email, "password", password, "name", namePrefix));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Account(
                registered.json().get("id").asLong(), email, password, token(email, password));
    }

    public String token(String email, String password) {
        Api.Response response =
                api.post("/api/v1/auth/tokens", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("token").asString();
    }

    /** A new organizer owned by a new account. */
    public Org organizer() {
        Account owner = account("owner");
        String slug = "org-" + unique();
        Api.Response created =
                api.as(adminToken())
                        .post(
                                "/api/v1/organizers",
                                Map.of(
                                        "id",
                                        slug,
                                        "name",
                                        "Organizer " + slug,
                                        "ownerEmail",
                                        owner.email()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Org(slug, owner);
    }

    /** An organizer with one member per role. */
    public Team team() {
        Org org = organizer();
        Map<OrganizerRole, Account> members = new EnumMap<>(OrganizerRole.class);
        members.put(OrganizerRole.OWNER, org.owner());
        for (OrganizerRole role : OrganizerRole.values()) {
            if (role == OrganizerRole.OWNER) {
                continue;
            }
            Account member = account(role.name().toLowerCase().replace('_', '-'));
            Api.Response added =
                    api.as(org.owner().token())
                            .post(
                                    "/api/v1/organizers/" + org.slug() + "/members",
                                    Map.of("email", member.email(), "role", role.name()));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            members.put(role, member);
        }
        return new Team(org.slug(), members);
    }

    public record Account(long id, String email, String password, String token) {}

    public record Org(String slug, Account owner) {}

    public record Team(String slug, Map<OrganizerRole, Account> members) {
        public Account member(OrganizerRole role) {
            return members.get(role);
        }
    }
}
