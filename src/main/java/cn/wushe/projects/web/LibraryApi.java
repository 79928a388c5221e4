package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.projects.internal.Library;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
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

/** The project library (项目库): scoped search, nomination, yearly re-check and exit, and 点单 by communities. */
@RestController
@RequestMapping("/api/v1/library")
class LibraryApi {

    static final String READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN')";

    private final Library library;

    LibraryApi(Library library) {
        this.library = library;
    }

    record ReasonRequest(@Nullable String reason) {
    }

    record RecheckRequest(boolean keep, @Nullable String reason) {
    }

    record OrderRequest(@Nullable String communityCode, @Nullable UUID roundId, @Nullable String note) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "检索项目库（管辖范围内）：关键词（项目名、组织、服务对象）、领域、区划代码前缀、人均成本上限、仅待复核")
    List<Library.Entry> search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable BigDecimal maxCost,
            @RequestParam(defaultValue = "false") boolean due, @RequestParam(defaultValue = "50") int limit) {
        return library.search(CurrentActor.get(), new Library.Search(q, field, region, maxCost, due), limit);
    }

    @PostMapping("/{id}/nominate")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "推荐入库：已验收合格的项目经推荐进入项目库（须写明理由）")
    ResponseEntity<Void> nominate(@PathVariable String id, @RequestBody ReasonRequest r) {
        library.nominate(CurrentActor.get(), ProjectWeb.uuid(id), r.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/recheck")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "年度复核：保留则从今天重新计算复核期；不保留即退出项目库（须写明理由）")
    ResponseEntity<Void> recheck(@PathVariable String id, @RequestBody RecheckRequest r) {
        library.recheck(CurrentActor.get(), ProjectWeb.uuid(id), r.keep(), r.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/orders")
    @PreAuthorize("hasAnyAuthority('PROJECT_VIEW', 'ROUND_MANAGE')")
    @Operation(summary = "社区点单：把库中项目下单到本县开放的轮次，生成该组织面向本社区、已预填内容的申报草稿")
    ResponseEntity<Library.Order> order(@PathVariable String id, @RequestBody OrderRequest r) {
        Library.Order order = library.order(CurrentActor.get(), ProjectWeb.uuid(id), r.communityCode(), r.roundId(), r.note());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + order.applicationId())).body(order);
    }

    @GetMapping("/orders")
    @PreAuthorize("hasAnyAuthority('PROJECT_VIEW', 'ROUND_MANAGE')")
    @Operation(summary = "列出管辖范围内社区的点单记录")
    List<Library.Order> orders() {
        return library.orders(CurrentActor.get());
    }
}
