package cn.wushe.workbench.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.access.prepost.PreAuthorize;

/** The workbench (工作台): what this user can do, as tiles, first screen after login. */
@Controller
class WorkbenchController {

    record Tile(String title, String description, String href) {
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String workbench(Model model) {
        Actor actor = CurrentActor.get();
        List<Tile> tiles = new ArrayList<>();
        if (actor.can(Permission.PERSON_VIEW)) {
            tiles.add(new Tile("困难群众", "摸底建册：登记、查找、走访对象名单，按类别统计", "/people"));
        }
        if (actor.can(Permission.PERSON_IMPORT)) {
            tiles.add(new Tile("Excel 导入", "按模板批量导入花名册，先预览再确认", "/people/imports"));
        }
        if (actor.can(Permission.SELF_SERVICE)) {
            tiles.add(new Tile("我的信息", "查看本人登记信息，申请更正", "/me"));
        }
        if (actor.can(Permission.GRID_EDIT)) {
            tiles.add(new Tile("网格管理", "新建、调整、撤销本辖区网格，指定网格员", "/grids"));
        } else if (actor.can(Permission.GRID_VIEW)) {
            tiles.add(new Tile("我的网格", "查看本社区网格及网格员", "/grids"));
        }
        if (actor.can(Permission.GRID_VIEW)) {
            tiles.add(new Tile("区划查询", "按名称或代码查找省、市、县、乡镇、村（社区）", "/regions"));
        }
        if (actor.can(Permission.USER_MANAGE)) {
            tiles.add(new Tile("用户管理", "开设、停用账号，重置密码", "/admin/users"));
        }
        if (actor.can(Permission.ROLE_MANAGE)) {
            tiles.add(new Tile("角色授权", "为账号分配角色及管辖范围", "/admin/roles"));
        }
        if (actor.can(Permission.AUDIT_READ)) {
            tiles.add(new Tile("审计日志", "查询操作记录，校验日志完整性", "/audit"));
        }
        tiles.add(new Tile("API 访问令牌", "为对接系统创建、吊销个人访问令牌", "/account/tokens"));
        model.addAttribute("actor", actor);
        model.addAttribute("tiles", tiles);
        return "workbench/index";
    }
}
