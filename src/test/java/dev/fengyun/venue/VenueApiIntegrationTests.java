package dev.fengyun.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VenueApiIntegrationTests extends IntegrationTest {

    private Fixtures.Org org;
    private Api owner;
    private String venues;

    @BeforeEach
    void organizer() {
        org = fixtures.organizer();
        owner = api.as(org.owner().token());
        venues = "/api/v1/organizers/" + org.slug() + "/venues";
    }

    @Test
    void aVenueWithoutANameIsRejectedNamingTheField() {
        Api.Response response =
                owner.post(
                        venues,
                        Map.of("name", "", "city", "Shanghai", "timeZone", "Asia/Shanghai"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("name");

        Api.Response badZone =
                owner.post(
                        venues,
                        Map.of("name", "X", "city", "Shanghai", "timeZone", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("errors").findValuesAsString("field"))
                .containsExactly("timeZone");
    }

    @Test
    void anImportedPlanExportsUnchanged() {
        long venueId = createVenue();
        Map<String, Object> plan =
                Map.of(
                        "name", "Black box",
                        "size", Map.of("width", 400.0, "height", 300.0),
                        "categories",
                                List.of(
                                        Map.of("name", "FRONT", "color", "#b4232a"),
                                        Map.of("name", "BACK", "color", "#1a4fa0")),
                        "zones",
                                List.of(
                                        Map.of(
                                                "name", "Stalls",
                                                "position", Map.of("x", 20.0, "y", 100.0),
                                                "rows",
                                                        List.of(
                                                                Map.of(
                                                                        "label",
                                                                        "A",
                                                                        "position",
                                                                        Map.of("x", 0.0, "y", 0.0),
                                                                        "seats",
                                                                        List.of(
                                                                                seat(
                                                                                        "A-1", "1",
                                                                                        0, "FRONT"),
                                                                                seat(
                                                                                        "A-2", "2",
                                                                                        30,
                                                                                        "FRONT"))),
                                                                Map.of(
                                                                        "label",
                                                                        "B",
                                                                        "position",
                                                                        Map.of("x", 0.0, "y", 32.0),
                                                                        "seats",
                                                                        List.of(
                                                                                seat(
                                                                                        "B-1", "1",
                                                                                        0, "BACK"),
                                                                                seat(
                                                                                        "B-2", "2",
                                                                                        30,
                                                                                        "BACK")))))),
                        "standing",
                                List.of(
                                        Map.of(
                                                "id",
                                                "bar",
                                                "name",
                                                "Bar",
                                                "capacity",
                                                40,
                                                "category",
                                                "BACK",
                                                "shape",
                                                Map.of(
                                                        "type",
                                                        "rectangle",
                                                        "position",
                                                        Map.of("x", 250.0, "y", 100.0),
                                                        "width",
                                                        100.0,
                                                        "height",
                                                        80.0))),
                        "shapes",
                                List.of(
                                        Map.of(
                                                "type",
                                                "rectangle",
                                                "position",
                                                Map.of("x", 100.0, "y", 10.0),
                                                "width",
                                                200.0,
                                                "height",
                                                50.0,
                                                "text",
                                                "STAGE",
                                                "stage",
                                                true)));
        Api.Response imported = owner.put(venues + "/" + venueId + "/plan", plan);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("seatCount").asInt()).isEqualTo(4);
        assertThat(imported.json().get("standingCapacity").asInt()).isEqualTo(40);

        Api.Response exported = owner.get(venues + "/" + venueId + "/plan");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.json()).isEqualTo(Api.JSON.valueToTree(plan));

        Api.Response svg = owner.get(venues + "/" + venueId + "/plan.svg");
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body())
                .contains("data-seat-id=\"A-1\"", "data-seat-id=\"B-2\"", "data-area-id=\"bar\"");
    }

    @Test
    void anInvalidPlanIsRejectedWithEveryProblemNamed() {
        long venueId = createVenue();
        Map<String, Object> plan =
                Map.of(
                        "name", "Broken",
                        "size", Map.of("width", 400, "height", 300),
                        "categories", List.of(Map.of("name", "FRONT")),
                        "zones",
                                List.of(
                                        Map.of(
                                                "name",
                                                "Stalls",
                                                "rows",
                                                List.of(
                                                        Map.of(
                                                                "label",
                                                                "A",
                                                                "seats",
                                                                List.of(
                                                                        seat(
                                                                                "A-1", "1", 0,
                                                                                "FRONT"),
                                                                        seat(
                                                                                "A-1", "2", 30,
                                                                                "NOPE"))),
                                                        Map.of(
                                                                "label", "B", "seats",
                                                                List.of())))));
        Api.Response response = owner.put(venues + "/" + venueId + "/plan", plan);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly(
                        "zones[0].rows[0].seats[1].id",
                        "zones[0].rows[0].seats[1].category",
                        "zones[0].rows[1].seats");
        assertThat(owner.get(venues + "/" + venueId + "/plan").status())
                .as("nothing was stored")
                .isEqualTo(404);
    }

    @Test
    void generatesPlansAndPreviewsThemWithoutStoring() {
        Map<String, Object> layout =
                Map.of(
                        "name",
                        "Studio",
                        "blocks",
                        List.of(
                                Map.of(
                                        "name",
                                        "Main",
                                        "rows",
                                        12,
                                        "seatsPerRow",
                                        25,
                                        "aislesAfter",
                                        List.of(12),
                                        "numbering",
                                        "ODD_EVEN",
                                        "categories",
                                        List.of(Map.of("from", 1, "to", 4, "category", "VIP")))));
        Api.Response generated =
                owner.post("/api/v1/organizers/" + org.slug() + "/seating-plans/generate", layout);
        assertThat(generated.status()).as(generated.body()).isEqualTo(200);
        JsonNode plan = generated.json();
        assertThat(plan.get("zones").get(0).get("rows")).hasSize(12);
        assertThat(plan.get("categories").findValuesAsString("name"))
                .containsExactly("VIP", "STANDARD");

        Api.Response validation =
                owner.post("/api/v1/organizers/" + org.slug() + "/seating-plans/validate", plan);
        assertThat(validation.json().get("valid").asBoolean()).isTrue();
        assertThat(validation.json().get("seatCount").asInt()).isEqualTo(300);
        Api.Response svg =
                owner.post("/api/v1/organizers/" + org.slug() + "/seating-plans/svg", plan);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body().split("class=\"seat\"", -1)).hasSize(301);
    }

    @Test
    void anotherOrganizerCanNeitherReadNorChangeTheVenue() {
        long venueId = createVenue();
        Fixtures.Org other = fixtures.organizer();
        Api stranger = api.as(other.owner().token());
        String theirPath = "/api/v1/organizers/" + other.slug() + "/venues/" + venueId;
        assertThat(stranger.get(theirPath).status()).isEqualTo(404);
        assertThat(
                        stranger.put(
                                        theirPath,
                                        Map.of("name", "Mine now", "city", "X", "timeZone", "UTC"))
                                .status())
                .isEqualTo(404);
        assertThat(stranger.delete(theirPath).status()).isEqualTo(404);
        assertThat(stranger.get(venues + "/" + venueId).status()).isEqualTo(404);
        assertThat(owner.get(venues + "/" + venueId).json().get("name").asString())
                .isEqualTo("Old Hall");
    }

    @Test
    void aStaleWriteIsRefused() {
        long venueId = createVenue();
        Api.Response read = owner.get(venues + "/" + venueId);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"1\"");
        Map<String, Object> change =
                Map.of("name", "New Hall", "city", "Shanghai", "timeZone", "Asia/Shanghai");

        Api.Response first = owner.header("If-Match", etag).put(venues + "/" + venueId, change);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");

        Api.Response second = owner.header("If-Match", etag).put(venues + "/" + venueId, change);
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.json().get("code").asString()).isEqualTo("PRECONDITION_FAILED");

        Api.Response staleBody =
                owner.put(
                        venues + "/" + venueId,
                        Map.of(
                                "name",
                                "Newer",
                                "city",
                                "Shanghai",
                                "timeZone",
                                "Asia/Shanghai",
                                "version",
                                1));
        assertThat(staleBody.status()).isEqualTo(409);
        assertThat(staleBody.json().get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(staleBody.json().get("currentVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aVenueWithPerformancesCannotBeDeleted() {
        long venueId = fixtures.venueWithHall(org, 1, 4, 10, 0);
        fixtures.publishedPerformance(org, venueId, 0, Map.of());
        Api.Response response = owner.delete(venues + "/" + venueId);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("VENUE_IN_USE");
        long unused = createVenue();
        assertThat(owner.delete(venues + "/" + unused).status()).isEqualTo(204);
    }

    private long createVenue() {
        Api.Response venue =
                owner.post(
                        venues,
                        Map.of(
                                "name",
                                "Old Hall",
                                "address",
                                "1 River Road",
                                "city",
                                "Suzhou",
                                "timeZone",
                                "Asia/Shanghai"));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        return venue.json().get("id").asLong();
    }

    private static Map<String, Object> seat(String id, String number, double x, String category) {
        return Map.of(
                "id",
                id,
                "number",
                number,
                "position",
                Map.of("x", x, "y", 0.0),
                "category",
                category);
    }
}
