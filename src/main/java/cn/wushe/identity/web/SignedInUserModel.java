package cn.wushe.identity.web;

import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.platform.CurrentActor;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the Chinese labels of the signed-in user's roles (the workbench greets with them). */
@ControllerAdvice(annotations = Controller.class)
class SignedInUserModel {

    @ModelAttribute("roleLabels")
    @Nullable List<String> roleLabels() {
        return CurrentActor.find().filter(SignedInUser.class::isInstance).map(SignedInUser.class::cast)
                .map(SignedInUser::roleLabels).orElse(null);
    }
}
