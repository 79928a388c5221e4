package cn.wushe.identity.web;

import cn.wushe.identity.internal.AccessTokens;
import cn.wushe.identity.internal.PersonalAccessTokens;
import cn.wushe.identity.internal.TokenScope;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
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

/**
 * The caller's own personal access tokens, managed from a signed-in session only (a bearer token is
 * refused here by the security chain). The secret appears only in the response that creates it.
 */
@RestController
@RequestMapping("/api/v1/account/tokens")
class TokenApi {

    /**
     * @param scope           {@code READ} (GET/HEAD only, the default) or {@code WRITE}
     * @param currentPassword the caller's password, re-entered to confirm it is them
     */
    record CreateTokenRequest(@Nullable String name, @Nullable Integer expiresInDays, @Nullable TokenScope scope,
            @Nullable String currentPassword) {
    }

    record TokenResponse(UUID id, String name, String prefix, TokenScope scope, String scopeLabel, Instant createdAt,
            Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt, String status) {

        static TokenResponse of(AccessTokens.Token token, Instant now) {
            return new TokenResponse(token.id(), token.name(), token.prefix(), token.scope(), token.scope().label(),
                    token.createdAt(), token.expiresAt(), token.revokedAt(), token.lastUsedAt(), token.statusAt(now));
        }
    }

    /** @param token the full token, {@code wst_…}: store it now, it cannot be shown again */
    record CreatedTokenResponse(TokenResponse details, String token) {
    }

    private final PersonalAccessTokens tokens;

    TokenApi(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "列出我的个人访问令牌")
    List<TokenResponse> list() {
        Instant now = tokens.now();
        return tokens.list(Views.user()).stream().map(t -> TokenResponse.of(t, now)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "创建个人访问令牌（须提供当前密码 currentPassword；scope 为 READ 只读〔默认，仅 GET/HEAD〕"
            + "或 WRITE 读写；完整令牌仅在此响应中出现一次）")
    CreatedTokenResponse create(@RequestBody CreateTokenRequest request) {
        PersonalAccessTokens.Created created = tokens.create(Views.user(),
                request.currentPassword() == null ? "" : request.currentPassword(),
                request.name() == null ? "" : request.name(), request.expiresInDays(), request.scope());
        return new CreatedTokenResponse(TokenResponse.of(created.token(), tokens.now()), created.secret());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "吊销我的一个令牌")
    void revoke(@PathVariable UUID id) {
        tokens.revoke(Views.user(), id);
    }
}
