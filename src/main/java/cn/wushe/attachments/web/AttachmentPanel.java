package cn.wushe.attachments.web;

import cn.wushe.attachments.AttachedTo;
import cn.wushe.attachments.AttachmentId;
import cn.wushe.attachments.Attachments;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.web.FormRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The "附件" panel any page embeds for its object with
 * {@code <div hx-get="/attachments/panel?ownerType=…&ownerId=…" hx-trigger="load">}: thumbnails, a
 * camera upload on phones, deletion, all within the owner module's rules. Answers the fragment
 * {@code attachments/panel :: panel}; a refused upload is shown in the panel (htmx swaps only 2xx,
 * so an htmx request gets 200 with the message, a plain form post the refusal's status).
 */
@Controller
class AttachmentPanel {

    private final Attachments attachments;

    AttachmentPanel(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/attachments/panel")
    @PreAuthorize("isAuthenticated()")
    String panel(@RequestParam String ownerType, @RequestParam String ownerId, Model model, HttpServletResponse response) {
        return show(new AttachedTo(ownerType, ownerId), model, response, null);
    }

    @PostMapping("/attachments/panel")
    @PreAuthorize("isAuthenticated()")
    String upload(@RequestParam String ownerType, @RequestParam String ownerId,
            @RequestPart(name = "photo", required = false) @Nullable MultipartFile photo,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile document,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        AttachedTo owner = new AttachedTo(ownerType, ownerId);
        // the camera input and the document input: whichever the user filled
        MultipartFile file = photo != null && !photo.isEmpty() ? photo : document;
        try {
            attachments.store(CurrentActor.get(), owner, file == null ? "" : Uploads.nameOf(file), Uploads.bytesOf(file));
            model.addAttribute("uploaded", true);
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            if (htmx == null) {
                refusal.statusOn(response);
            }
            return show(owner, model, response, e.getMessage());
        }
        return show(owner, model, response, null);
    }

    @PostMapping("/attachments/{id}/delete")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable UUID id, @RequestParam String ownerType, @RequestParam String ownerId, Model model,
            HttpServletResponse response) {
        attachments.delete(CurrentActor.get(), new AttachmentId(id));
        model.addAttribute("deleted", true);
        return show(new AttachedTo(ownerType, ownerId), model, response, null);
    }

    private String show(AttachedTo owner, Model model, HttpServletResponse response, @Nullable String error) {
        Actor actor = CurrentActor.get();
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("owner", owner);
        model.addAttribute("items", attachments.list(actor, owner));
        model.addAttribute("canAttach", attachments.mayAttach(actor, owner));
        model.addAttribute("error", error);
        return "attachments/panel :: panel";
    }
}
