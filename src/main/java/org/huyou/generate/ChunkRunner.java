package org.huyou.generate;

/** Runs one chunk of generated rows in its own transaction, so a large load never holds one huge transaction. */
@FunctionalInterface
interface ChunkRunner {
    void run(Runnable chunk);
}
