package cn.wushe.archexample.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** An example ArchitectureTests must accept: the web layer is where HTTP types belong. */
public abstract class HttpInWeb {

    int refuse(HttpServletRequest request) {
        return request.getRemoteAddr().isEmpty() ? HttpStatus.NOT_FOUND.value() : HttpStatus.CONFLICT.value();
    }
}
