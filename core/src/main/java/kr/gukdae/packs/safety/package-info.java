@NullMarked
package kr.gukdae.packs.safety;

import org.jspecify.annotations.NullMarked;
