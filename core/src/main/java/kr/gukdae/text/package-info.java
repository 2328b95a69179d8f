@NullMarked
package kr.gukdae.text;

import org.jspecify.annotations.NullMarked;
