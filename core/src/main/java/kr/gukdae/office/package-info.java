@NullMarked
package kr.gukdae.office;

import org.jspecify.annotations.NullMarked;
