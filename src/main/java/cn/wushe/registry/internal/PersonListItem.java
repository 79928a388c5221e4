package cn.wushe.registry.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of a people list: the identity number masked, the phone clear only in the viewer's edit scope; the relation to the household's head (户主, 配偶, …). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonListItem(UUID id, String name, String sex, int age, String idNumber, @Nullable String phone,
        String communityCode, @Nullable String communityName, @Nullable String townName, @Nullable String gridCode,
        List<String> categories,
        boolean editable, @Nullable String relationToHead) {
}
