@NullMarked
package kr.gukdae;

import org.jspecify.annotations.NullMarked;
