package cn.wushe.attachments;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import java.util.Optional;

/**
 * Who may see and attach files to the objects of one type: the owning module decides, by
 * registering one bean per object type (the registry's is for {@code person}). A type with no bean
 * takes no attachment and shows none.
 *
 * <p>Contract: {@link #mayView} is the owning module's own scope rule (it answers empty for an object
 * that does not exist or lies outside the actor's scope, which the caller answers with 404);
 * {@link #mayAttach} is asked only for an object the actor may view (false answers 403).
 */
public interface AttachmentAccess {

    /** The object type this policy answers for, as in {@link AttachedTo#objectType()}. */
    String objectType();

    /**
     * The permission whose region scope covers reading this type's attachments; the attachments'
     * own queries add {@code ScopeFilter.predicate(actor, viewPermission(), …)} over the region
     * stored with each attachment, a second wall behind {@link #mayView}.
     */
    Permission viewPermission();

    /** The object's region code (12-digit community or 15-digit grid …) when the actor may see it; empty otherwise. */
    Optional<String> mayView(Actor actor, String objectId);

    /** Whether the actor may add attachments to, or delete them from, an object they may view. */
    boolean mayAttach(Actor actor, String objectId);
}
