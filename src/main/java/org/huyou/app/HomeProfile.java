package org.huyou.app;

/** The home's name and region, set up once and printed on slips, receipts and reports. */
public record HomeProfile(String name, String region) {}
