@NullMarked
package kr.gukdae.packs.kmmlu;

import org.jspecify.annotations.NullMarked;
