@NullMarked
package kr.gukdae.data;

import org.jspecify.annotations.NullMarked;
