package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Receipt amounts in capitals, checked against how a bank teller writes them. */
class RmbUppercaseTest {

    private static String of(String s) {
        return RmbUppercase.of(new BigDecimal(s));
    }

    @Test
    void writesAmountsAsOnAReceipt() {
        assertEquals("壹仟贰佰叁拾肆元伍角整", of("1234.50"));
        assertEquals("壹佰元整", of("100"));
        assertEquals("伍万元整", of("50000"));
        assertEquals("壹万零伍元整", of("10005"));
        assertEquals("壹拾万零叁佰元整", of("100300"));
        assertEquals("壹仟零壹元零伍分", of("1001.05"));
        assertEquals("贰亿零伍拾万元整", of("200500000"));
        assertEquals("伍角陆分", of("0.56"));
        assertEquals("零元整", of("0"));
        assertEquals("叁万贰仟零伍拾元零柒分", of("32050.07"));
    }
}
