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

    record SecondFactorPolicy(boolean required) {
    }

    private final SecondFactors secondFactors;

    SecurityPolicyApi(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    @Operation(summary = "查看本县两步验证策略", description = "required：本县所有账号登录都须两步验证（三类管理员无论如何都须）。")
    SecondFactorPolicy read(@PathVariable String countyCode) {
        return new SecondFactorPolicy(secondFactors.countyRequires(checked(countyCode)));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    @Operation(summary = "设置本县两步验证策略", description = "只有该县的安全管理员可以设置；设置后该县未开启两步验证的账号下次登录时须先设置。")
    SecondFactorPolicy set(@PathVariable String countyCode, @RequestBody SecondFactorPolicy policy) {
        secondFactors.setCountyPolicy(CurrentActor.get(), checked(countyCode), policy.required());
        return policy;
    }

    private static String checked(String countyCode) {
        if (!countyCode.matches("[0-9]{6}")) {
            throw DomainException.invalid("countyCode", Messages.text("identity.second-factor.county-code"));
        }
        return countyCode;
    }
}
