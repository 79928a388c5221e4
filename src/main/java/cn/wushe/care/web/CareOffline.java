package cn.wushe.care.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Care's service worker, served from the root so that it may control {@code /care} and the pages
 * below it (a worker's scope cannot reach above its own path). Never cached by the browser's HTTP
 * cache, so a new version is picked up at the next visit.
 */
@Controller
class CareOffline {

    private final String script;

    CareOffline() throws IOException {
        this.script = new ClassPathResource("care/sw.js").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(value = "/care-sw.js")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    ResponseEntity<String> serviceWorker() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .cacheControl(CacheControl.noCache()).header("Service-Worker-Allowed", "/care").body(script);
    }
}
