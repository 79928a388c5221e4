package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.volunteering.internal.Honours;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Yearly honours (优秀志愿者, 优秀志愿服务队) for towns and the county, the same steps as the page: nominate
 * the year's top volunteers or teams by confirmed hours, or one by hand with a reason; award or decline;
 * issue the awarded ones' certificates in one batch. Outside the caller's region: 403 for a region
 * named, 404 for an honour.
 */
@RestController
@RequestMapping("/api/v1/volunteers/honours")
class HonourApi {

    private final Honours honours;

    HonourApi(Honours honours) {
        this.honours = honours;
    }

    record NominateTop(@Nullable Integer year, @Nullable String title, @Nullable String regionCode, @Nullable Integer count) {
    }

    record NominateByHand(@Nullable Integer year, @Nullable String title, @Nullable String regionCode, @Nullable String subject,
            @Nullable String nominationReason) {
    }

    record Nominated(int nominated) {
    }

    record Created(UUID id) {
    }

    record Decision(boolean award, @Nullable String reason) {
    }

    record CertificateRequest(@Nullable Integer year, @Nullable String regionCode) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    @Operation(summary = "列出本辖区某年的表彰提名及结果（年度确认时长、状态、是否已出证书）")
    List<Honours.HonourView> list(@RequestParam(required = false) @Nullable Integer year) {
        return honours.list(CurrentActor.get(), year(year));
    }

    @PostMapping("/nominations")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    @Operation(summary = "按年度确认时长提名本辖区排名靠前的志愿者或服务队（已提名的不重复）")
    Nominated nominateTop(@RequestBody NominateTop in) {
        return new Nominated(honours.nominateTop(CurrentActor.get(), year(in.year()), in.title(), in.regionCode(),
                in.count() == null ? 10 : in.count()));
    }

    @PostMapping("/nominations/by-hand")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    @Operation(summary = "按身份证号（志愿者）或队名（服务队）单独提名，须写提名理由")
    ResponseEntity<Created> nominateByHand(@RequestBody NominateByHand in) {
        UUID id = honours.nominateByHand(CurrentActor.get(), year(in.year()), in.title(), in.regionCode(), in.subject(),
                in.nominationReason());
        return ResponseEntity.created(URI.create("/api/v1/volunteers/honours?year=" + year(in.year()))).body(new Created(id));
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    @Operation(summary = "表彰或不予表彰（须写理由）；已决定的不能再改")
    ResponseEntity<Void> decide(@PathVariable UUID id, @RequestBody Decision in) {
        honours.decide(CurrentActor.get(), id, in.award(), in.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/certificates")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    @Operation(summary = "为本辖区某年已表彰、尚无证书的批量出具荣誉证书（ZIP，内含各份 PDF，均可扫码核验）")
    ResponseEntity<byte[]> certificates(@RequestBody CertificateRequest in) {
        int year = year(in.year());
        return Downloads.honourCertificates(honours.certificates(CurrentActor.get(), year, in.regionCode()), year);
    }

    private int year(@Nullable Integer year) {
        return honours.yearOrThis(year);
    }
}
