package cn.wushe.identity.web;

import cn.wushe.identity.internal.RoleAssignment;
import cn.wushe.identity.internal.RoleAdministration.GrantRequest;
import cn.wushe.identity.internal.RoleAdministration;
import cn.wushe.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The roles of one account, for the security administrator. */
@RestController
@RequestMapping("/api/v1/users/{userId}/roles")
class RoleAdminApi {

    record GrantRoleRequest(@Nullable String role, @Nullable String scopeCode, @Nullable UUID unitId) {
    }

    record AssignmentResponse(UUID id, String role, String roleLabel, String scopeCode, @Nullable UUID unitId) {

        static AssignmentResponse of(RoleAssignment a) {
            return new AssignmentResponse(a.id(), a.role().name(), a.role().label(), a.scopeCode(), a.unitId());
        }
    }

    private final RoleAdministration administration;

    RoleAdminApi(RoleAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    @Operation(summary = "列出账号的角色")
    List<AssignmentResponse> list(@PathVariable UUID userId) {
        return administration.holder(CurrentActor.get(), userId).assignments().stream()
                .map(AssignmentResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    @Operation(summary = "授予角色及管辖范围")
    AssignmentResponse grant(@PathVariable UUID userId, @RequestBody GrantRoleRequest request) {
        return AssignmentResponse.of(administration.grant(CurrentActor.get(), userId,
                new GrantRequest(request.role(), request.scopeCode(), request.unitId())));
    }

    @DeleteMapping("/{assignmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    @Operation(summary = "撤销角色")
    void revoke(@PathVariable UUID userId, @PathVariable UUID assignmentId) {
        administration.revoke(CurrentActor.get(), userId, assignmentId);
    }
}
