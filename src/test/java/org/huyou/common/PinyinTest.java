package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PinyinTest {

    @Test
    void fullPinyinAndInitials() {
        assertEquals("zhangxiaoming", Pinyin.full("张小明"));
        assertEquals("zxm", Pinyin.initials("张小明"));
    }

    @Test
    void surnamesWithSpecialReadings() {
        assertEquals("shanyu", Pinyin.full("单宇"));
        assertEquals("zengjie", Pinyin.full("曾杰"));
        assertEquals("xjl", Pinyin.initials("解佳乐"));
    }

    @Test
    void matchesByInitialsFullPinyinOrCharacters() {
        assertTrue(Pinyin.matches("张小明", "zxm"));
        assertTrue(Pinyin.matches("张小明", "ZX"));
        assertTrue(Pinyin.matches("张小明", "zhangxiaoming"));
        assertTrue(Pinyin.matches("张小明", "zhangx"));
        assertTrue(Pinyin.matches("张小明", "小明"));
        assertFalse(Pinyin.matches("张小明", "lxm"));
        assertFalse(Pinyin.matches("张小明", "xiaoming"), "pinyin matches from the start of the name");
    }

    @Test
    void keepsLatinLettersAndSkipsPunctuation() {
        assertEquals("annali", Pinyin.full("Anna·李"));
    }
}
