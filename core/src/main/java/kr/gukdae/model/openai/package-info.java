@NullMarked
package kr.gukdae.model.openai;

import org.jspecify.annotations.NullMarked;
