package cn.wushe.registry.internal;

import cn.wushe.identity.ResidentAccounts;
import cn.wushe.platform.Actor;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.PersonId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 关联居民账号: a worker links a resident's self-signed-up account to that resident's record, so that
 * 我的信息 shows it. Only a worker does this, never the resident: the candidates are the resident
 * sign-ups of the record's community in the worker's sign-up scope, those giving the record's
 * identity number first (compared by blind index, never in clear). The link itself is
 * {@link SelfService#linkAccount}, with its audit entry.
 */
@Service
public class ResidentAccountLinking {

    /** The record, the account linked to it now (or null), and the accounts it may be linked to. */
    public record Candidates(UUID personId, String personName, String communityCode, @org.jspecify.annotations.Nullable UUID linkedUserId,
            List<ResidentAccounts.Linkable> accounts) {
    }

    private final People people;
    private final ResidentAccounts residentAccounts;
    private final SelfService selfService;
    private final BlindIndex index;
    private final JdbcClient jdbc;

    ResidentAccountLinking(People people, ResidentAccounts residentAccounts, SelfService selfService, BlindIndex index,
            JdbcClient jdbc) {
        this.people = people;
        this.residentAccounts = residentAccounts;
        this.selfService = selfService;
        this.index = index;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Candidates candidates(Actor actor, PersonId id) {
        Person person = editable(actor, id);
        String community = person.details().address().communityCode();
        String idIndex = index.of(IdentityNumber.BLIND_INDEX_PURPOSE, person.details().idNumber().value());
        Optional<UUID> linked = jdbc.sql("select user_id from registry.resident_accounts where person_id = :p")
                .param("p", id.value()).query(UUID.class).optional();
        return new Candidates(id.value(), person.details().name(), community, linked.orElse(null),
                residentAccounts.linkableIn(actor, community, idIndex));
    }

    /** Links {@code userId}, which must be one of the candidates (else 404, as for any account out of scope). */
    @Transactional
    public void link(Actor actor, PersonId id, UUID userId) {
        Person person = editable(actor, id);
        ResidentAccounts.Linkable account = residentAccounts.find(actor, userId)
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.link.account")));
        if (!candidates(actor, id).accounts().stream().anyMatch(a -> a.userId().equals(account.userId()))) {
            throw DomainException.notFound(Messages.text("registry.link.account"));
        }
        selfService.linkAccount(actor, userId, person.id());
    }

    private Person editable(Actor actor, PersonId id) {
        return people.load(id, Scopes.edit(actor, "p"))
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
    }
}
