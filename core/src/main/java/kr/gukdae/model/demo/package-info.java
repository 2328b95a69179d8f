@NullMarked
package kr.gukdae.model.demo;

import org.jspecify.annotations.NullMarked;
