package dev.fengyun.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint mapped under {@code /api/v1/organizers/{org}} — found from the running
 * application, so new endpoints are covered automatically — with every kind of caller.
 */
class OrganizerAuthorizationIntegrationTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyOrganizerEndpointChecksTheCallersRole() {
        List<Endpoint> endpoints = organizerEndpoints();
        assertThat(endpoints).as("organizer endpoints found").hasSizeGreaterThanOrEqualTo(5);

        Fixtures.Team team = fixtures.team();
        Fixtures.Org other = fixtures.organizer();
        String admin = fixtures.adminToken();
        SoftAssertions softly = new SoftAssertions();

        for (Endpoint endpoint : endpoints) {
            softly.assertThat(endpoint.required())
                    .as("%s must carry @RequiresOrganizerRole", endpoint)
                    .isNotNull();
            if (endpoint.required() == null) {
                continue;
            }
            String path = endpoint.path(team.slug());

            Api.Response anonymous = call(api, endpoint, path);
            if (endpoint.pattern().startsWith("/console/")) {
                // Pages send people without a session to the sign-in page.
                softly.assertThat(anonymous.status()).as("anonymous %s", endpoint).isEqualTo(302);
                softly.assertThat(anonymous.header("Location"))
                        .as("anonymous %s", endpoint)
                        .endsWith("/login");
            } else {
                softly.assertThat(anonymous.status()).as("anonymous %s", endpoint).isEqualTo(401);
            }

            Api.Response outsider = call(api.as(other.owner().token()), endpoint, path);
            softly.assertThat(outsider.status())
                    .as("member of another organizer: %s", endpoint)
                    .isEqualTo(404);

            for (OrganizerRole role : OrganizerRole.values()) {
                Api.Response response = call(api.as(team.member(role).token()), endpoint, path);
                if (role.includes(endpoint.required())) {
                    softly.assertThat(response.status())
                            .as("%s with role %s: %s", endpoint, role, response.body())
                            .isNotIn(401, 403);
                } else {
                    softly.assertThat(response.status())
                            .as("%s with role %s", endpoint, role)
                            .isEqualTo(403);
                    softly.assertThat(response.body())
                            .as("%s with role %s", endpoint, role)
                            .contains("ROLE_REQUIRED");
                }
            }
            Api.Response asAdmin = call(api.as(admin), endpoint, path);
            softly.assertThat(asAdmin.status())
                    .as("platform admin: %s", endpoint)
                    .isNotIn(401, 403);
        }
        softly.assertAll();
    }

    private Api.Response call(Api client, Endpoint endpoint, String path) {
        boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(endpoint.method());
        return client.send(endpoint.method(), path, hasBody ? Map.of() : null);
    }

    private List<Endpoint> organizerEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            RequiresOrganizerRole required =
                    entry.getValue().getMethodAnnotation(RequiresOrganizerRole.class);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/organizers/{org}")
                        && !pattern.startsWith("/console/{org}")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method :
                        methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(
                            new Endpoint(
                                    method.name(),
                                    pattern,
                                    required == null ? null : required.value()));
                }
            }
        }
        return endpoints;
    }

    record Endpoint(String method, String pattern, OrganizerRole required) {
        /** Fills {org}; any other variable gets an id that belongs to nobody. */
        String path(String org) {
            return pattern.replace("{org}", org).replaceAll("\\{[^}]+}", "999999999");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
