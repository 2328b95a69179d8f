@NullMarked
package kr.gukdae.packs.needle;

import org.jspecify.annotations.NullMarked;
