package dev.fengyun.reporting.web;

import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.reporting.ReportingManagement;
import dev.fengyun.reporting.ReportingManagement.Export;
import dev.fengyun.reporting.ReportingManagement.Format;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders and attendees as CSV or XLSX, for spreadsheets, mail merges and door lists. */
@RestController
@Tag(name = "Reporting")
class ExportsApi {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportingManagement reporting;

    ExportsApi(ReportingManagement reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/api/v1/organizers/{org}/exports/{what}.{format}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary =
                    "Export orders or attendees (what: orders|attendees, format: csv|xlsx), optionally of one performance")
    ResponseEntity<byte[]> export(
            OrganizerContext org,
            @PathVariable String what,
            @PathVariable String format,
            @RequestParam(required = false) Long performanceId) {
        Export export = choice(Export.class, "what", what);
        Format chosen = choice(Format.class, "format", format);
        String name =
                org.slug()
                        + "-"
                        + export.name().toLowerCase(Locale.ROOT)
                        + (performanceId == null ? "" : "-" + performanceId)
                        + "-"
                        + LocalDate.now()
                        + "."
                        + chosen.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .contentType(chosen == Format.CSV ? CSV : XLSX)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(reporting.export(org.organizerId(), export, chosen, performanceId));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    field,
                    "OneOf",
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .toList());
        }
    }
}
