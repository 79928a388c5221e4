package cn.wushe.identity.web;

import cn.wushe.platform.Page;
import cn.wushe.platform.web.Versions;
import cn.wushe.identity.internal.AccountAdministration.NewAccount;
import cn.wushe.identity.internal.AccountAdministration;
import cn.wushe.identity.internal.AccountView;
import cn.wushe.identity.internal.UserAccounts;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for the system administrator (and, to pick whom to grant roles, read-only for the
 * security administrator). Accounts outside the caller's scope answer 404. State changes accept
 * {@code If-Match} with the {@code ETag} of {@code GET /api/v1/users/{id}}.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserAdminApi {

    record CreateUserRequest(@Nullable String username, @Nullable String displayName, @Nullable String phone,
            @Nullable String homeRegionCode) {
    }

    record UserResponse(UUID id, String username, String displayName, @Nullable String phone, String homeRegionCode,
            boolean enabled, boolean mustChangePassword, @Nullable Instant lastLoginAt, @Nullable Instant lockedUntil,
            Instant createdAt, long version) {

        static UserResponse of(AccountView a) {
            return new UserResponse(a.id(), a.username(), a.displayName(), a.maskedPhone(), a.homeRegionCode(),
                    a.enabled(), a.mustChangePassword(), a.lastLoginAt(), a.lockedUntil(), a.createdAt(), a.version());
        }
    }

    record UserListResponse(List<UserAccounts.Summary> items, long total, int page, int size) {

        static UserListResponse of(Page<UserAccounts.Summary> page) {
            return new UserListResponse(page.items(), page.count(), page.page(), page.size());
        }
    }

    /** @param initialPassword shown this once; the holder must change it at first login */
    record IssuedResponse(UserResponse user, String initialPassword) {

        static IssuedResponse of(AccountAdministration.Issued issued) {
            return new IssuedResponse(UserResponse.of(issued.account()), issued.initialPassword());
        }
    }

    private final AccountAdministration administration;

    UserAdminApi(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('USER_MANAGE', 'ROLE_MANAGE')")
    @Operation(summary = "分页列出管辖范围内的账号")
    UserListResponse list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page) {
        return UserListResponse.of(administration.list(CurrentActor.get(), q, page));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    @Operation(summary = "开设账号（返回仅显示一次的初始密码）")
    IssuedResponse create(@RequestBody CreateUserRequest request) {
        return IssuedResponse.of(administration.create(CurrentActor.get(), new NewAccount(
                nz(request.username()), nz(request.displayName()), request.phone(), nz(request.homeRegionCode()))));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('USER_MANAGE', 'ROLE_MANAGE')")
    @Operation(summary = "查看账号（ETag 为版本号）")
    ResponseEntity<UserResponse> get(@PathVariable UUID id) {
        return tagged(administration.view(CurrentActor.get(), id));
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    @Operation(summary = "停用账号并结束其会话")
    ResponseEntity<UserResponse> disable(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return tagged(administration.disable(CurrentActor.get(), id, Versions.optional(ifMatch)));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    @Operation(summary = "启用账号")
    ResponseEntity<UserResponse> enable(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return tagged(administration.enable(CurrentActor.get(), id, Versions.optional(ifMatch)));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    @Operation(summary = "解除登录锁定")
    ResponseEntity<UserResponse> unlock(@PathVariable UUID id) {
        return tagged(administration.unlock(CurrentActor.get(), id));
    }

    @PostMapping("/{id}/reset-password")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    @Operation(summary = "重置密码（新初始密码仅显示一次）")
    IssuedResponse resetPassword(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return IssuedResponse.of(administration.resetPassword(CurrentActor.get(), id, Versions.optional(ifMatch)));
    }

    private static ResponseEntity<UserResponse> tagged(AccountView account) {
        return ResponseEntity.ok().eTag(Versions.etag(account.version())).body(UserResponse.of(account));
    }


    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
