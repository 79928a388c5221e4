package cn.wushe.requests.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** 诉求办理 in the top bar for whoever submits, handles or supervises matters; the guide and appointments as tiles. */
@Component
class RequestsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.page(1300, "/matters", "requests.nav.title", "requests.nav.summary", Permission.MATTER_VIEW)
                        .inMenuAs("requests.nav.menu"),
                NavigationEntry.tile(1310, "/guide", "requests.nav.guide", "requests.nav.guide-summary", Permission.MATTER_VIEW),
                NavigationEntry.tile(1320, "/matters/appointments", "requests.nav.appointments",
                        "requests.nav.appointments-summary", Permission.MATTER_SUBMIT),
                NavigationEntry.tile(1330, "/matters/figures", "requests.nav.figures", "requests.nav.figures-summary",
                        Permission.MATTER_SUPERVISE),
                NavigationEntry.tile(1340, "/matters/catalogue", "requests.nav.catalogue", "requests.nav.catalogue-summary",
                        Permission.MATTER_CATALOGUE),
                NavigationEntry.tile(1350, "/matters/desk-hours", "requests.nav.hours", "requests.nav.hours-summary",
                        Permission.MATTER_HANDLE)
                        // a street office's or department's staff keep no desk of their own
                        .onlyWhen(actor -> actor.scopesFor(Permission.MATTER_HANDLE).stream().anyMatch(s -> s.code().length() >= 12)));
    }
}
