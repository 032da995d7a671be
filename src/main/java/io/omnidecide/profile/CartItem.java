package io.omnidecide.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of the customer's single cart, whichever channel added it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CartItem(String sku, String name, String category, BigDecimal price, int quantity, String channel, Instant addedAt)
        implements java.io.Serializable {

    public CartItem withQuantity(int newQuantity) {
        return new CartItem(sku, name, category, price, newQuantity, channel, addedAt);
    }

    public BigDecimal lineValue() {
        return price == null ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(quantity));
    }
}
