@NullMarked
package kr.gukdae.packs.kobbq;

import org.jspecify.annotations.NullMarked;
