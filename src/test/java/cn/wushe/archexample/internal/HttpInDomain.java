package cn.wushe.archexample.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** An example ArchitectureTests must reject: domain code that reads the servlet request and names an HTTP status. */
public abstract class HttpInDomain {

    int refuse(HttpServletRequest request) {
        return request.getRemoteAddr().isEmpty() ? HttpStatus.NOT_FOUND.value() : HttpStatus.CONFLICT.value();
    }
}
