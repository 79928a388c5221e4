package cn.wushe.identity.web;

import cn.wushe.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** On the identity pages a refusal that no form shows (404 outside scope, 403) becomes the error page of its status. */
@ControllerAdvice(assignableTypes = {AccountPages.class, UserAdminPages.class, RoleAdminPages.class, LoginPage.class})
class IdentityPageErrors {

    @ExceptionHandler(DomainException.class)
    void refused(DomainException e, HttpServletResponse response) throws IOException {
        response.sendError(e.status());
    }
}
