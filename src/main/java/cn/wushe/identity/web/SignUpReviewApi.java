package cn.wushe.identity.web;

import cn.wushe.identity.internal.SignUpReview;
import cn.wushe.identity.internal.SignUpView;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Residents' and volunteers' sign-ups (注册申请) in the caller's SIGNUP_CONFIRM scope. Phone and
 * identity number come masked, with the age instead of the birth date. Decisions name the version
 * they were based on in {@code If-Match} (the {@code ETag} of the detail): 428 without it, 412
 * when someone decided meanwhile; 409 {@code signup-decided} on a sign-up no longer pending.
 */
@RestController
@RequestMapping("/api/v1/signups")
class SignUpReviewApi {

    record RejectRequest(@Nullable String reason) {
    }

    record SignUpPageResponse(java.util.List<SignUpView> items, int page, int size, long total) {
    }

    private final SignUpReview review;

    SignUpReviewApi(SignUpReview review) {
        this.review = review;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    @Operation(summary = "分页列出管辖社区的注册申请（默认待确认；decided=true 时为已确认和未通过的）")
    SignUpPageResponse list(@RequestParam(defaultValue = "false") boolean decided,
            @RequestParam(defaultValue = "0") int page) {
        Page<SignUpView> found = review.queue(CurrentActor.get(), decided, Math.max(0, page));
        return new SignUpPageResponse(found.items(), found.page(), found.size(), found.count());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    @Operation(summary = "查看一份注册申请（手机号、身份证号已脱敏；读取记入审计日志）")
    ResponseEntity<SignUpView> detail(@PathVariable UUID id) {
        return withVersion(review.detail(CurrentActor.get(), id));
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    @Operation(summary = "确认注册申请：授予该社区的居民或志愿者角色（须带 If-Match）")
    ResponseEntity<SignUpView> confirm(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withVersion(review.confirm(CurrentActor.get(), id, Versions.required(ifMatch)));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    @Operation(summary = "不通过注册申请，并写明申请人可见的原因（须带 If-Match）")
    ResponseEntity<SignUpView> reject(@PathVariable UUID id, @RequestBody RejectRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withVersion(review.reject(CurrentActor.get(), id, Versions.required(ifMatch), request.reason()));
    }

    private static ResponseEntity<SignUpView> withVersion(SignUpView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
