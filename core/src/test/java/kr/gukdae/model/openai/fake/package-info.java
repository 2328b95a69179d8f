@NullMarked
package kr.gukdae.model.openai.fake;

import org.jspecify.annotations.NullMarked;
