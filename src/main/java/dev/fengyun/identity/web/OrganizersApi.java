package dev.fengyun.identity.web;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.identity.Organizer;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerMember;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizers and their teams. */
@RestController
@Tag(name = "Organizers and teams")
class OrganizersApi {

    private final IdentityManagement identity;

    OrganizersApi(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/api/v1/organizers")
    @Operation(summary = "Organizers you belong to (platform admins see all)")
    ItemsView<OrganizerView> list(@AuthenticationPrincipal CurrentAccount account) {
        return new ItemsView<>(
                identity.memberships(account).stream()
                        .map(m -> OrganizerView.of(m.organizer(), m.role()))
                        .toList());
    }

    @PostMapping("/api/v1/organizers")
    @Operation(summary = "Create an organizer (platform admins only)")
    ResponseEntity<OrganizerView> create(
            @AuthenticationPrincipal CurrentAccount account,
            @Valid @RequestBody CreateOrganizer request) {
        if (!account.platformAdmin()) {
            throw new Forbidden("ADMIN_REQUIRED", "Only platform admins create organizers.");
        }
        Organizer organizer =
                identity.createOrganizer(request.id(), request.name(), request.ownerEmail());
        return ResponseEntity.created(URI.create("/api/v1/organizers/" + organizer.slug()))
                .body(OrganizerView.of(organizer, OrganizerRole.OWNER));
    }

    @GetMapping("/api/v1/organizers/{org}")
    @RequiresOrganizerRole(OrganizerRole.SCANNER)
    @Operation(summary = "One organizer and your role on it")
    OrganizerView get(OrganizerContext org) {
        Organizer organizer = identity.organizer(org.organizerId()).orElseThrow();
        return OrganizerView.of(organizer, org.role());
    }

    @GetMapping("/api/v1/organizers/{org}/members")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "The organizer's team")
    ItemsView<OrganizerMember> members(OrganizerContext org) {
        return new ItemsView<>(identity.members(org.organizerId()));
    }

    @PostMapping("/api/v1/organizers/{org}/members")
    @RequiresOrganizerRole(OrganizerRole.OWNER)
    @Operation(summary = "Add a registered account to the team, or change its role")
    ResponseEntity<OrganizerMember> addMember(
            OrganizerContext org, @Valid @RequestBody MemberRequest request) {
        OrganizerMember member =
                identity.putMember(org.organizerId(), request.email(), request.role());
        return ResponseEntity.created(
                        URI.create(
                                "/api/v1/organizers/"
                                        + org.slug()
                                        + "/members/"
                                        + member.accountId()))
                .body(member);
    }

    @PutMapping("/api/v1/organizers/{org}/members/{accountId}")
    @RequiresOrganizerRole(OrganizerRole.OWNER)
    @Operation(summary = "Change a member's role")
    OrganizerMember changeRole(
            OrganizerContext org,
            @PathVariable long accountId,
            @Valid @RequestBody RoleRequest request) {
        return identity.changeRole(org.organizerId(), accountId, request.role());
    }

    @DeleteMapping("/api/v1/organizers/{org}/members/{accountId}")
    @RequiresOrganizerRole(OrganizerRole.OWNER)
    @Operation(summary = "Remove a member")
    ResponseEntity<Void> removeMember(OrganizerContext org, @PathVariable long accountId) {
        identity.removeMember(org.organizerId(), accountId);
        return ResponseEntity.noContent().build();
    }

    record CreateOrganizer(
            @NotBlank @Size(min = 3, max = 40) String id,
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) String ownerEmail) {}

    record MemberRequest(@NotBlank @Email String email, @NotNull OrganizerRole role) {}

    record RoleRequest(@NotNull OrganizerRole role) {}

    record OrganizerView(String id, String name, String role, Instant createdAt) {
        static OrganizerView of(Organizer organizer, OrganizerRole role) {
            return new OrganizerView(
                    organizer.slug(), organizer.name(), role.name(), organizer.createdAt());
        }
    }
}
