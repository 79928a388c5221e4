package cn.wushe.registry.web;

import cn.wushe.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** On the registry pages a refusal no form shows (404 outside scope, 403) becomes the error page of its status. */
@ControllerAdvice(assignableTypes = {PeoplePages.class, PersonFormPages.class, SelfServicePages.class})
class RegistryPageErrors {

    @ExceptionHandler(DomainException.class)
    void refused(DomainException e, HttpServletResponse response) throws IOException {
        response.sendError(e.status());
    }
}
