@NullMarked
package kr.gukdae.packs.code;

import org.jspecify.annotations.NullMarked;
