package cn.wushe.platform.web;

import cn.wushe.platform.ProblemType;
import java.io.IOException;
import java.net.URI;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem+json bodies built from the {@link ProblemType} catalogue, the one way for
 * controllers ({@link #of}) and for security filters outside Spring MVC ({@link #write}).
 */
public final class Problems {

    private Problems() {
    }

    /** A problem of the catalogue's type and status, titled by its status, with a Chinese detail. */
    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(URI.create(type.uri()));
        problem.setTitle(titleFor(type.status()));
        return problem;
    }

    /** Writes a problem+json body from a servlet filter (401, 403, 429), where no controller advice runs. */
    public static void write(HttpServletResponse response, ProblemType type, String title, String detail)
            throws IOException {
        response.setStatus(type.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + json(title)
                + "\",\"status\":" + type.status() + ",\"detail\":\"" + json(detail) + "\"}");
    }

    /** The Chinese title of a status, shared by every problem of that status. */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "输入有误";
            case 401 -> "未登录或登录已过期";
            case 403 -> "没有权限";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 409 -> "与现有数据冲突";
            case 412 -> "数据已被他人修改";
            case 413 -> "上传内容过大";
            case 415 -> "不支持的内容类型";
            case 422 -> "请求无法处理";
            case 428 -> "缺少版本条件";
            case 429 -> "请求过于频繁";
            default -> status >= 500 ? "服务器内部错误" : "请求失败";
        };
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
