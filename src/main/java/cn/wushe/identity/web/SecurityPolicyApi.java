package cn.wushe.identity.web;

import cn.wushe.identity.internal.SecondFactors;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The county's second-factor policy (security.md item 7), for that county's security administrator. */
@RestController
@RequestMapping("/api/v1/security/second-factor-policy/{countyCode}")
class SecurityPolicyApi {

    /** {@code required}: every account; {@code roles}: role codes whose holders must (absent: unchanged). */
    record SecondFactorPolicy(boolean required, java.util.@org.jspecify.annotations.Nullable Set<String> roles) {
    }

    private final SecondFactors secondFactors;

    SecurityPolicyApi(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    @Operation(summary = "查看本县两步验证策略",
            description = "required：本县所有账号登录都须两步验证；roles：持有这些角色的账号须两步验证（三类管理员无论如何都须）。")
    SecondFactorPolicy read(@PathVariable String countyCode) {
        SecondFactors.CountyPolicy policy = secondFactors.countyPolicy(checked(countyCode));
        return new SecondFactorPolicy(policy.everyone(), new java.util.TreeSet<>(policy.roles()));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    @Operation(summary = "设置本县两步验证策略", description = "只有该县的安全管理员可以设置；roles 为须两步验证的角色代码（省略则不变）；设置后须两步验证而尚未开启的账号下次登录时须先设置。")
    SecondFactorPolicy set(@PathVariable String countyCode, @RequestBody SecondFactorPolicy policy) {
        String county = checked(countyCode);
        if (policy.roles() == null) {
            secondFactors.setCountyPolicy(CurrentActor.get(), county, policy.required());
        } else {
            secondFactors.setCountyPolicy(CurrentActor.get(), county, new SecondFactors.CountyPolicy(policy.required(), policy.roles()));
        }
        return read(county);
    }

    private static String checked(String countyCode) {
        if (!countyCode.matches("[0-9]{6}")) {
            throw DomainException.invalid("countyCode", Messages.text("identity.second-factor.county-code"));
        }
        return countyCode;
    }
}
