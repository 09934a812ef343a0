package org.huyou.donations;

import org.huyou.common.Coded;

/** A kind of donated goods, counted in one unit (箱, 袋, 件...). */
public record GoodsItem(long id, String name, String unit, Category category) {

    public enum Category implements Coded {
        FOOD,
        MEDICINE,
        CLOTHING,
        SUPPLIES,
        EDUCATION,
        OTHER;

        /** Food and medicine carry an expiry date. */
        public boolean expires() {
            return this == FOOD || this == MEDICINE;
        }

        @Override
        public String labelPrefix() {
            return "goodsCategory";
        }
    }
}
