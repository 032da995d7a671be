package io.omnidecide.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** An identifier a channel knows a customer by (email, phone, device, cookie, loyalty...). */
@Entity
@Table(name = "identity")
public class Identity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "linked_at")
    public Instant linkedAt;

    @Embeddable
    public record Key(@Column(name = "id_type") String type, @Column(name = "id_value") String value) implements Serializable {
    }

    public static List<Identity> ofCustomer(String customerId) {
        return list("customerId = ?1 order by key.type, key.value", customerId);
    }
}
