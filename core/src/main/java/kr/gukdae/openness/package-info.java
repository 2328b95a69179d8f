@NullMarked
package kr.gukdae.openness;

import org.jspecify.annotations.NullMarked;
